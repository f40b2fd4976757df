# Instances of any class can be thrown.
class MyError {
  fn init(code) { self.code = code }
}
try {
  throw MyError(404)
} catch e {
  print(type(e), e.code, e)
}
# expect: instance 404 <MyError instance>
