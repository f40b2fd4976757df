# skip: helper module
import "cyc_a"
let b = 2
