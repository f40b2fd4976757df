# Escapes \n \t \r \\ \" \' \0 give these bytes.
print("\n\t\r\\\"\'\0".bytes())
print("a\0b".len())
print("tab:\tend")
# expect: [10, 9, 13, 92, 34, 39, 0]
# expect: 3
# expect: tab:	end
