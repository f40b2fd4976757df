# skip: helper module (imports the test that imports it)
import "../self_cycle"
