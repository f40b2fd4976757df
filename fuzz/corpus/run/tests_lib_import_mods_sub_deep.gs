# skip: helper module
# Imports relative to its own directory, including "..".
import "../util"
import "sibling"
let answer = sibling.value + 1
fn util_name() { return util.name }
