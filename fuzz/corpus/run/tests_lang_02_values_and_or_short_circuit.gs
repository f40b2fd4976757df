# 'and' / 'or' do not evaluate the right side when the left decides.
fn boom() { print("called"); return true }
print(false and boom())
print(true or boom())
print(nil or boom())
# expect: false
# expect: true
# expect: called
# expect: true
