package io.otedama.controller.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The {@code database:} section. Without a {@code url} the controller runs its own embedded
 * PostgreSQL with data under {@code embeddedDataDir}, so an empty configuration works and a restart
 * keeps everything.
 */
public class DatabaseConfiguration {
  private String url;
  private String user;
  private String password;
  @NotBlank private String embeddedDataDir = "./data/postgres";

  @Min(0)
  @Max(65535)
  private int embeddedPort = 0;

  @Min(1)
  private int maxPoolSize = 16;

  @Min(0)
  private int minPoolSize = 2;

  private Duration connectTimeout = Duration.seconds(5);

  /** JDBC URL of an external PostgreSQL; blank means embedded. */
  @JsonProperty
  public String getUrl() {
    return url;
  }

  @JsonProperty
  public void setUrl(String url) {
    this.url = url;
  }

  @JsonProperty
  public String getUser() {
    return user;
  }

  @JsonProperty
  public void setUser(String user) {
    this.user = user;
  }

  @JsonProperty
  public String getPassword() {
    return password;
  }

  @JsonProperty
  public void setPassword(String password) {
    this.password = password;
  }

  @JsonProperty
  public String getEmbeddedDataDir() {
    return embeddedDataDir;
  }

  @JsonProperty
  public void setEmbeddedDataDir(String embeddedDataDir) {
    this.embeddedDataDir = embeddedDataDir;
  }

  /** Port of the embedded server; 0 picks a free one at each start. */
  @JsonProperty
  public int getEmbeddedPort() {
    return embeddedPort;
  }

  @JsonProperty
  public void setEmbeddedPort(int embeddedPort) {
    this.embeddedPort = embeddedPort;
  }

  @JsonProperty
  public int getMaxPoolSize() {
    return maxPoolSize;
  }

  @JsonProperty
  public void setMaxPoolSize(int maxPoolSize) {
    this.maxPoolSize = maxPoolSize;
  }

  @JsonProperty
  public int getMinPoolSize() {
    return minPoolSize;
  }

  @JsonProperty
  public void setMinPoolSize(int minPoolSize) {
    this.minPoolSize = minPoolSize;
  }

  @JsonProperty
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  @JsonProperty
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public boolean isEmbedded() {
    return url == null || url.isBlank();
  }

  /** The pool settings for the resolved server. */
  DataSourceFactory dataSourceFactory(DatabaseTarget target) {
    DataSourceFactory factory = new DataSourceFactory();
    factory.setDriverClass("org.postgresql.Driver");
    factory.setUrl(target.url());
    factory.setUser(target.user());
    factory.setPassword(target.password() == null ? "" : target.password());
    factory.setMaxSize(maxPoolSize);
    factory.setMinSize(Math.min(minPoolSize, maxPoolSize));
    factory.setInitialSize(Math.min(minPoolSize, maxPoolSize));
    factory.setValidationQuery("SELECT 1");
    factory.setMaxWaitForConnection(connectTimeout);
    return factory;
  }
}
