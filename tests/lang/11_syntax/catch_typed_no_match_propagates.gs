# An error no clause matches propagates to the outer handler, after finally.
class A : Error {}
class B : Error {}
try {
  try { throw B("b") }
  catch e is A { print("wrong clause") }
  finally { print("finally ran") }
} catch e is B {
  print("outer got", e.message)
}
# expect: finally ran
# expect: outer got b
