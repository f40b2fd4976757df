# finally runs when break or continue leaves the try.
for i in 0..4 {
  try {
    if i == 1 { continue }
    if i == 3 { break }
    print("body", i)
  } finally {
    print("finally", i)
  }
}
# expect: body 0
# expect: finally 0
# expect: finally 1
# expect: body 2
# expect: finally 2
# expect: finally 3
