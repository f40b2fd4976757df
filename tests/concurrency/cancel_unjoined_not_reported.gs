# A fiber that ends with the cancelled error and that nobody joins is not reported and does not set the exit status.
let f = spawn { sleep(10) }
yield
f.cancel()
print("end")
# expect: end
# expect exit: 0
