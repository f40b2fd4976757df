# skip: helper module (does not compile on purpose)
let x = 1
print(undefined_name_here)
