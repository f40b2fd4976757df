# split(sep) returns a list of the pieces.
print("a,b,c".split(","))
print("a,,b".split(","))
print("abc".split(","))
print("a::b::c".split("::"))
print(",a,".split(","))
# expect: ["a", "b", "c"]
# expect: ["a", "", "b"]
# expect: ["abc"]
# expect: ["a", "b", "c"]
# expect: ["", "a", ""]
