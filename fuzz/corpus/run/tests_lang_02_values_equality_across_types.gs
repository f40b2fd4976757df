# == and != never raise; values of different kinds are unequal.
print(1 == "1", nil == false, 0 == false, "" == nil, [] == [], {} == {})
print(1 != "1", nil != nil, true == true, true != false, nil == nil)
# expect: false false false false false false
# expect: true false true true true
