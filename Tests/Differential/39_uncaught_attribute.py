# An uncaught AttributeError with a "Did you mean" suggestion on the last line.
class Report:
    def __init__(self, title):
        self.title = title
        self.entries = []

    def add(self, entry):
        self.entries.append(entry)
        return self

    def render(self):
        return "\n".join([self.title] + ["- " + e for e in self.entries])


r = Report("nightly")
r.add("disk ok").add("backup ok")
print(r.render())
print(len(r.entries))
r.entires.append("typo")
