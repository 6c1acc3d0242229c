# The SocialReport host. Build: docker build -t socialreport .   Run: see compose.yaml, or
#   docker run -p 8080:8080 -v socialreport-data:/data -e Telegram__BotToken=... socialreport

# Build with the .NET SDK and Node.js (npm fetches the web preview's Adaptive Cards renderer).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/SocialReport.Host -c Release -o /app --nologo

# Run on the ASP.NET Core runtime, as the image's non-root user, with the data in a volume.
FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir /data && chown "$APP_UID" /data
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Storage__Path=/data/socialreport.db
VOLUME /data
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD curl --fail --silent --show-error http://localhost:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "SocialReport.Host.dll", "serve"]
