# A named fiber appears by name in the "error in fiber" report.
let f = spawn { sleep(0.01); error("boom") }
f.name = "worker 3"
# expect error: error in fiber 1 "worker 3":
# expect error: boom
