# Names of a top-level destructuring let are module variables: functions see them.
fn show() { return "${lo}-${hi}" }
let [lo, hi] = [1, 9]
print(show())
lo = 2
print(show())
# expect: 1-9
# expect: 2-9
