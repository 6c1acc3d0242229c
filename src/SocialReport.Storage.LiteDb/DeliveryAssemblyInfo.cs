using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("SocialReport.Delivery.Tests")]
