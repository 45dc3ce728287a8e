# Building a string of 1e5 parts with join.
parts = []
for i in range(100000):
    parts.append(str(i))
text = ",".join(parts)
print(len(text))
