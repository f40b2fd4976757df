# int vs float comparison is exact, even beyond 2**53.
print(9007199254740993 == 9007199254740992.0)
print(9007199254740993 > 9007199254740992.0)
print(9007199254740992 == 9007199254740992.0)
# expect: false
# expect: true
# expect: true
