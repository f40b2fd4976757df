# A generator blocked forever while main waits for it in resume: a deadlock of both, and the
# program stops there (resume must not return as if the generator had yielded).
let g = fiber(fn() { return chan().recv() })
print("resuming")
let r = g.resume()
print("not reached:", r)
# expect: resuming
# expect error: deadlock: 2 fibers blocked
# expect exit: 1
