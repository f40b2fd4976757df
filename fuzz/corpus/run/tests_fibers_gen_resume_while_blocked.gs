# A generator that is blocked while another fiber resumes it cannot be resumed again (an error).
let ch = chan()
let g = fiber(fn() { return ch.recv() })
let user = spawn { return g.resume() }
yield
try {
  g.resume()
  print("resumed twice?")
} catch e {
  print("second resume: error")
}
ch.send("value")
print(user.join())
# expect: second resume: error
# expect: value
