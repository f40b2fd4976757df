# skip: helper module
# Imports loud too, from another directory level.
import "loud"
let seen = loud.loads
