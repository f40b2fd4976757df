# Functions can read and assign module variables.
let count = 0
fn inc() { count += 1 }
inc()
inc()
print(count)
# expect: 2
