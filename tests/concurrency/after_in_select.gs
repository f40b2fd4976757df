# after() in select gives a time limit: the timer channel wins when nothing else is ready.
let work = chan()
let r = select([work, after(0.02)])
print(r)
spawn { work.send("done") }
print(select([work, after(5)]))
# expect: [1, true]
# expect: [0, "done"]
