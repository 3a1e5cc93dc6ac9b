package dev.engram.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version in the jar's manifest; a build from the class folders says so. */
public final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"engram " + (version == null ? "(development build)" : version)};
    }
}
