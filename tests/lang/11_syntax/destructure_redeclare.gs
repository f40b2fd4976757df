# A pattern cannot declare the same name twice in one block.
fn f() { let [a, a] = [1, 2] }
# expect no output
# expect error: destructure_redeclare.gs:2:18: variable 'a' is already declared in this block
