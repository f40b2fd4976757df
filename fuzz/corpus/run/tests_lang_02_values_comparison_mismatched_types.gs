# < <= > >= on anything but two numbers or two strings raise an error.
try { let r = 1 < "a"; print("no error") } catch e { print("error") }
try { let r = [1] < [2]; print("no error") } catch e { print("error") }
try { let r = nil > 0; print("no error") } catch e { print("error") }
try { let r = "a" >= 1.5; print("no error") } catch e { print("error") }
try { let r = true <= false; print("no error") } catch e { print("error") }
# expect: error
# expect: error
# expect: error
# expect: error
# expect: error
