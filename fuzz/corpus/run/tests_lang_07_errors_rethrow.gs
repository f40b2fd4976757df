# A caught value can be thrown again to an outer handler.
let first = nil
try {
  try {
    error("deep")
  } catch e {
    print("rethrowing")
    first = e
    throw e
  }
} catch e2 {
  print(e2.message, e2 == first)
}
# expect: rethrowing
# expect: deep true
