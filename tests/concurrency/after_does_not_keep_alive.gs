# A pending after() timer that nobody waits on does not keep the program running.
let t = after(30)
print("end")
# expect: end
