# skip: helper module (imports cyc_b, which imports cyc_a back)
import "cyc_b"
let a = 1
