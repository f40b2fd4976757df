# `a ? b : c ? d : e` groups as `a ? b : (c ? d : e)`.
fn grade(n) { return n >= 90 ? "A" : n >= 80 ? "B" : n >= 70 ? "C" : "F" }
print(grade(95), grade(85), grade(75), grade(10))
# expect: A B C F
