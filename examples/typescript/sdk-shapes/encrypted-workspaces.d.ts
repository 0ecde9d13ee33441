// What `pulumi package add ../../components/encrypted_workspaces/provider` generates for this program
// (sdks/encrypted-workspaces), written by hand from `encrypted-workspaces schema --provider` in the
// shape Pulumi's Node.js code generator gives a package: a property the schema marks `plain` is a
// plain type, every other one `pulumi.Input<...>`; enums are unions of their values. It lets
// `tsc --noEmit` check index.ts without the Pulumi CLI; once the real SDK is generated, drop the
// "paths" entry in tsconfig.json and the SDK is checked instead. tests/examples/test_typescript.py
// keeps every property and its plainness equal to the schema.
import * as pulumi from "@pulumi/pulumi";

export type BundleOwner = "AMAZON" | "ACCOUNT";
export type ComputeTypeName =
    | "VALUE" | "STANDARD" | "PERFORMANCE" | "POWER" | "POWERPRO" | "GENERALPURPOSE_4XLARGE"
    | "GENERALPURPOSE_8XLARGE" | "GRAPHICS" | "GRAPHICSPRO" | "GRAPHICS_G4DN" | "GRAPHICSPRO_G4DN"
    | "GRAPHICS_G6_XLARGE" | "GRAPHICS_G6_2XLARGE" | "GRAPHICS_G6_4XLARGE" | "GRAPHICS_G6_8XLARGE"
    | "GRAPHICS_G6_16XLARGE" | "GRAPHICS_GR6_4XLARGE" | "GRAPHICS_GR6_8XLARGE" | "GRAPHICS_G6F_LARGE"
    | "GRAPHICS_G6F_XLARGE" | "GRAPHICS_G6F_2XLARGE" | "GRAPHICS_G6F_4XLARGE" | "GRAPHICS_GR6F_4XLARGE";
export type DeviceAccess = "ALLOW" | "DENY";
export type RunningMode = "AUTO_STOP" | "ALWAYS_ON";

export declare namespace inputs {
    interface AdministratorsArgs {
        principals?: string[];
        roles?: { [key: string]: pulumi.Input<string> };
        consoleAccess?: pulumi.Input<boolean>;
    }
    interface AlarmsArgs {
        topicArn?: pulumi.Input<string>;
    }
    interface DirectoryArgs {
        directoryId: pulumi.Input<string>;
        subnetIds: pulumi.Input<pulumi.Input<string>[]>;
        createDefaultRole?: boolean;
        ipGroups?: { [key: string]: DirectoryIpGroupsArgs };
        selfServicePermissions?: DirectorySelfServicePermissionsArgs;
        workspaceAccessProperties?: DirectoryWorkspaceAccessPropertiesArgs;
        workspaceCreationProperties?: DirectoryWorkspaceCreationPropertiesArgs;
    }
    interface DirectoryIpGroupsArgs {
        description?: pulumi.Input<string>;
        rules?: DirectoryIpGroupsRulesArgs[];
    }
    interface DirectoryIpGroupsRulesArgs {
        source: pulumi.Input<string>;
        description?: pulumi.Input<string>;
    }
    interface DirectorySelfServicePermissionsArgs {
        changeComputeType?: pulumi.Input<boolean>;
        increaseVolumeSize?: pulumi.Input<boolean>;
        rebuildWorkspace?: pulumi.Input<boolean>;
        restartWorkspace?: pulumi.Input<boolean>;
        switchRunningMode?: pulumi.Input<boolean>;
    }
    interface DirectoryWorkspaceAccessPropertiesArgs {
        deviceTypeAndroid?: pulumi.Input<DeviceAccess>;
        deviceTypeChromeos?: pulumi.Input<DeviceAccess>;
        deviceTypeIos?: pulumi.Input<DeviceAccess>;
        deviceTypeLinux?: pulumi.Input<DeviceAccess>;
        deviceTypeOsx?: pulumi.Input<DeviceAccess>;
        deviceTypeWeb?: pulumi.Input<DeviceAccess>;
        deviceTypeWindows?: pulumi.Input<DeviceAccess>;
        deviceTypeZeroclient?: pulumi.Input<DeviceAccess>;
    }
    interface DirectoryWorkspaceCreationPropertiesArgs {
        customSecurityGroupId?: pulumi.Input<string>;
        defaultOu?: pulumi.Input<string>;
        enableInternetAccess?: pulumi.Input<boolean>;
        enableMaintenanceMode?: pulumi.Input<boolean>;
        userEnabledAsLocalAdministrator?: pulumi.Input<boolean>;
    }
    interface KeyArgs {
        existing?: pulumi.Input<string>;
        alias?: pulumi.Input<string>;
        administrators?: pulumi.Input<pulumi.Input<string>[]>;
        users?: pulumi.Input<pulumi.Input<string>[]>;
        enableKeyRotation?: pulumi.Input<boolean>;
        rotationPeriodInDays?: pulumi.Input<number>;
        deletionWindowInDays?: pulumi.Input<number>;
        description?: pulumi.Input<string>;
        extraStatements?: pulumi.Input<{ [key: string]: any }>[];
    }
    interface WorkspacesArgs {
        defaults: WorkspacesDefaultsArgs;
        users?: { [key: string]: WorkspacesUsersArgs };
        wave?: number;
        createTimeout?: string;
        updateTimeout?: string;
        deleteTimeout?: string;
        replace?: string[];
        protect?: boolean;
    }
    interface WorkspacesDefaultsArgs {
        bundleId?: pulumi.Input<string>;
        bundleName?: pulumi.Input<string>;
        bundleOwner?: BundleOwner;
        computeTypeName?: pulumi.Input<ComputeTypeName>;
        runningMode?: pulumi.Input<RunningMode>;
        runningModeAutoStopTimeoutInMinutes?: pulumi.Input<number>;
        rootVolumeSizeGib?: pulumi.Input<number>;
        userVolumeSizeGib?: pulumi.Input<number>;
        rootVolumeEncryptionEnabled?: pulumi.Input<boolean>;
        userVolumeEncryptionEnabled?: pulumi.Input<boolean>;
    }
    interface WorkspacesUsersArgs extends WorkspacesDefaultsArgs {
        importId?: string;
        wave?: number;
    }
}

export interface EncryptedWorkspacesArgs {
    administrators?: inputs.AdministratorsArgs;
    alarms?: inputs.AlarmsArgs;
    directory: inputs.DirectoryArgs;
    ebsDefaultEncryption?: boolean;
    key: inputs.KeyArgs;
    tags?: { [key: string]: pulumi.Input<string> };
    workspaces: inputs.WorkspacesArgs;
}

export declare class EncryptedWorkspaces extends pulumi.ComponentResource {
    readonly adminPolicyArns: pulumi.Output<{ [key: string]: string }>;
    readonly aliasName: pulumi.Output<string | undefined>;
    readonly directoryRegistrationId: pulumi.Output<string>;
    readonly keyArn: pulumi.Output<string>;
    readonly keyId: pulumi.Output<string>;
    readonly workspaceIds: pulumi.Output<{ [key: string]: string }>;
    constructor(name: string, args: EncryptedWorkspacesArgs, opts?: pulumi.ComponentResourceOptions);
}
