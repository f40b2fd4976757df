# The deadlock report lists each blocked fiber with its id, name, what it waits on and where.
let ch = chan()
let f = spawn { ch.recv() }
f.name = "reader"
f.join()
# expect error: deadlock: 2 fibers blocked
# expect error:   fiber 0 (main): join of fiber 1 at
# expect error: deadlock_report_lists_fibers.gs:5
# expect error:   fiber 1 "reader": recv on channel 0x
# expect error: deadlock_report_lists_fibers.gs:3
