# skip: helper module (imports cross_b after a pause)
sleep(0.02)
import "cross_b"
let a = 1
