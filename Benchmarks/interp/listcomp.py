# A list comprehension over 1e6 elements.
squares = [i * i for i in range(1000000) if i % 3]
print(len(squares), squares[-1])
