[assembly: AssemblyFixture(typeof(Khanij.Data.Tests.PackStoreFixture))]
