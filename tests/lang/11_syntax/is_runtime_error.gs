# Every runtime error `is Error`; a thrown string is not.
try { [1][5] } catch e { print(e is Error) }
try { nil.x } catch e { print(e is Error) }
try { throw "plain" } catch e { print(e is Error) }
class MyError : Error {}
try { throw MyError("mine") } catch e { print(e is Error, e is MyError) }
# expect: true
# expect: true
# expect: false
# expect: true true
