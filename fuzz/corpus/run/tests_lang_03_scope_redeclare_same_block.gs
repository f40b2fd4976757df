# Redeclaring a name in the same block is a compile error; nothing runs.
print("not run")
let x = 1
let x = 2
# expect error: redeclare_same_block.gs:4:
# expect no output
