# break or continue may not leave a finally block (it would drop a pending error); loops inside it are fine.
for i in 0..2 {
  try { print(i) } finally {
    for j in 0..2 { if j == 1 { break } }
    break
  }
}
# expect no output
# expect error: finally_break_cannot_leave.gs:5:5:
