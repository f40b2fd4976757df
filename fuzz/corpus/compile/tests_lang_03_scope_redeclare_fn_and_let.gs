# Top-level fn and let share one block: the same name twice is an error.
let f = 1
fn f() { return 2 }
# expect error: redeclare_fn_and_let.gs:3:
# expect no output
