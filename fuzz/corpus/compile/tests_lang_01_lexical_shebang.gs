#!/usr/bin/env gs
# A first line starting with #! is a comment.
print("ran")
# expect: ran
