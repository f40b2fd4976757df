# skip: helper module (imports cross_a after a pause)
sleep(0.02)
import "cross_a"
let b = 2
