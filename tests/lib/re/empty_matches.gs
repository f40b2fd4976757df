# Empty matches: one at each position, and one right after a non-empty match (as in Perl and Python).
print(re.find_all("x*", "axb"))
print(re.replace("x*", "abxd", "-"))
print(re.split("x*", "axbc"))
print(re.find_all("", "héé"), re.compile("", "u").find_all("héé"))
# expect: ["", "x", "", ""]
# expect: -a-b--d-
# expect: ["", "a", "", "b", "c", ""]
# expect: ["", "", "", "", "", ""] ["", "", "", ""]
