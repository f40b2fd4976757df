# if / else if / else.
fn classify(x) {
  if x > 0 {
    return "pos"
  } else if x == 0 {
    return "zero"
  } else {
    return "neg"
  }
}
print(classify(5), classify(0), classify(-3))
# expect: pos zero neg
