# An uncaught TypeError from a bad call inside a method, after some successful work.
class Deployer:
    def __init__(self, hosts):
        self.hosts = hosts
        self.done = []

    def deploy_one(self, host, version):
        self.done.append((host, version))
        return f"{host} -> {version}"

    def deploy_all(self, version):
        for host in self.hosts:
            print(self.deploy_one(host, version))
        print(self.deploy_one(version))


d = Deployer(["web1", "web2"])
d.deploy_all("1.4.2")
