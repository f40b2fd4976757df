# An error inside a method reports the method's line and its name in the traceback.
class Account {
  fn withdraw(n) {
    error("insufficient funds")
  }
}
Account().withdraw(5)
# expect error: error_in_method_uncaught.gs:4:5: insufficient funds
# expect error: in withdraw
