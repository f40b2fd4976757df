# Returning out of a try removes its handler.
fn f() {
  try {
    return 1
  } catch e {
    print("stale handler")
  }
}
f()
error("boom")
# expect error: try_return_no_stale_handler.gs:10:1: boom
# expect no output
