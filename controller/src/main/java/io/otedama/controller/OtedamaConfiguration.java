package io.otedama.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.otedama.controller.auth.AuthConfiguration;
import io.otedama.controller.commands.CommandsConfiguration;
import io.otedama.controller.db.DatabaseConfiguration;
import io.otedama.controller.firmware.FirmwareConfiguration;
import io.otedama.controller.fleet.FleetConfiguration;
import io.otedama.controller.maintenance.MaintenanceConfiguration;
import io.otedama.controller.mqtt.MqttConfiguration;
import io.otedama.controller.payouts.PayoutsConfiguration;
import io.otedama.controller.power.PowerConfiguration;
import io.otedama.controller.scheduling.SchedulingConfiguration;
import io.otedama.controller.stratum.StratumConfiguration;
import io.otedama.controller.telemetry.TelemetryConfiguration;
import io.otedama.controller.work.WorkConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The controller's YAML configuration: a thin aggregate of one section per feature, each with
 * defaults, so an empty file starts a working controller (embedded database, ports 8080/8081).
 */
public class OtedamaConfiguration extends Configuration {
  @Valid @NotNull private DatabaseConfiguration database = new DatabaseConfiguration();
  @Valid @NotNull private AuthConfiguration auth = new AuthConfiguration();
  @Valid @NotNull private FleetConfiguration fleet = new FleetConfiguration();
  @Valid @NotNull private CommandsConfiguration commands = new CommandsConfiguration();
  @Valid @NotNull private MqttConfiguration mqtt = new MqttConfiguration();
  @Valid @NotNull private TelemetryConfiguration telemetry = new TelemetryConfiguration();
  @Valid @NotNull private WorkConfiguration work = new WorkConfiguration();
  @Valid @NotNull private StratumConfiguration stratum = new StratumConfiguration();
  @Valid @NotNull private FirmwareConfiguration firmware = new FirmwareConfiguration();

  @JsonProperty
  public FirmwareConfiguration getFirmware() {
    return firmware;
  }

  @JsonProperty
  public void setFirmware(FirmwareConfiguration firmware) {
    this.firmware = firmware;
  }

  @Valid @NotNull private PowerConfiguration power = new PowerConfiguration();

  @JsonProperty
  public PowerConfiguration getPower() {
    return power;
  }

  @JsonProperty
  public void setPower(PowerConfiguration power) {
    this.power = power;
  }

  @JsonProperty
  public WorkConfiguration getWork() {
    return work;
  }

  @JsonProperty
  public void setWork(WorkConfiguration work) {
    this.work = work;
  }

  @JsonProperty
  public StratumConfiguration getStratum() {
    return stratum;
  }

  @JsonProperty
  public void setStratum(StratumConfiguration stratum) {
    this.stratum = stratum;
  }

  @JsonProperty
  public DatabaseConfiguration getDatabase() {
    return database;
  }

  @JsonProperty
  public void setDatabase(DatabaseConfiguration database) {
    this.database = database;
  }

  @JsonProperty
  public AuthConfiguration getAuth() {
    return auth;
  }

  @JsonProperty
  public void setAuth(AuthConfiguration auth) {
    this.auth = auth;
  }

  @JsonProperty
  public FleetConfiguration getFleet() {
    return fleet;
  }

  @JsonProperty
  public void setFleet(FleetConfiguration fleet) {
    this.fleet = fleet;
  }

  @JsonProperty
  public CommandsConfiguration getCommands() {
    return commands;
  }

  @JsonProperty
  public void setCommands(CommandsConfiguration commands) {
    this.commands = commands;
  }

  @JsonProperty
  public MqttConfiguration getMqtt() {
    return mqtt;
  }

  @JsonProperty
  public void setMqtt(MqttConfiguration mqtt) {
    this.mqtt = mqtt;
  }

  @JsonProperty
  public TelemetryConfiguration getTelemetry() {
    return telemetry;
  }

  @JsonProperty
  public void setTelemetry(TelemetryConfiguration telemetry) {
    this.telemetry = telemetry;
  }

  @Valid @NotNull private SchedulingConfiguration scheduling = new SchedulingConfiguration();
  @Valid @NotNull private PayoutsConfiguration payouts = new PayoutsConfiguration();
  @Valid @NotNull private MaintenanceConfiguration maintenance = new MaintenanceConfiguration();

  @JsonProperty
  public SchedulingConfiguration getScheduling() {
    return scheduling;
  }

  @JsonProperty
  public void setScheduling(SchedulingConfiguration scheduling) {
    this.scheduling = scheduling;
  }

  @JsonProperty
  public PayoutsConfiguration getPayouts() {
    return payouts;
  }

  @JsonProperty
  public void setPayouts(PayoutsConfiguration payouts) {
    this.payouts = payouts;
  }

  @JsonProperty
  public MaintenanceConfiguration getMaintenance() {
    return maintenance;
  }

  @JsonProperty
  public void setMaintenance(MaintenanceConfiguration maintenance) {
    this.maintenance = maintenance;
  }
}
