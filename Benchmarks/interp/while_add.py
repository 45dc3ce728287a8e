# A while loop of 1e6 additions at module level.
i = 0
total = 0
while i < 1000000:
    total = total + i
    i += 1
print(total)
