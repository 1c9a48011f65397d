; Inno Setup 6 script: the Windows installer of DutyDesk 值班台.
;
; Build on a Windows PC (see packaging/README.md), after packaging/build_bundle.py:
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\dutydesk.iss
; packaging\windows\build_installer.bat does both steps and passes the version from dutydesk/__init__.py.
;
; The installer copies the one-folder build (packaging\dist\DutyDesk) to Program Files (or the
; user's programs folder when not run as administrator), adds Start-menu and optional desktop
; shortcuts and an uninstaller. The books live in the per-user data folder
; (%LOCALAPPDATA%\DutyDesk\DutyDesk\data), which is never part of {app}: the uninstaller removes the
; program only and leaves every data folder, backup and log where it is.
;
; This file is UTF-8 with a byte order mark so ISCC reads the Chinese names correctly on any PC.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "值班台 DutyDesk"
#define AppPublisher "DutyDesk"
#define AppExeName "DutyDesk.exe"
#define BundleDir "..\dist\DutyDesk"
#define IconFile "..\..\resources\icons\dutydesk.ico"

[Setup]
; AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{8E6A3C51-2F4B-4D7A-9B1E-5C0D7F2A6B93}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppComments=党群服务中心前台值班、来访登记、一次性告知与台账（离线使用）
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} 安装程序
VersionInfoCompany={#AppPublisher}
DefaultDirName={autopf}\DutyDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installs without administrator rights into the user's programs folder; an administrator can
; choose "all users" in the first dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
OutputDir=..\dist
OutputBaseFilename=DutyDesk-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The licence (accepted before installing) and the third-party notices (LGPL-3.0 for Qt: where its
; source is, how to replace its libraries), also installed beside the program.
LicenseFile=..\..\LICENSE
InfoBeforeFile=..\..\THIRD-PARTY-NOTICES.txt
; An open DutyDesk holds its data folder lock: ask to close it before files are replaced.
CloseApplications=yes
RestartApplications=no

[Languages]
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\LICENSE"; DestDir: "{app}"; Flags: ignoreversion
Source: "..\..\THIRD-PARTY-NOTICES.txt"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "打开值班台"
Name: "{group}\{#AppName}（演示数据）"; Filename: "{app}\{#AppExeName}"; Parameters: "--demo"; Comment: "用单独的演示数据文件夹打开，不影响正式数据"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: the uninstaller removes exactly the files it installed.
; The data folder (%LOCALAPPDATA%\DutyDesk\DutyDesk\data), backups and logs stay.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('值班台程序已卸载。' + #13#10 + #13#10 +
      '您的值班台数据没有删除，仍保存在：' + #13#10 +
      ExpandConstant('{localappdata}\DutyDesk\DutyDesk\data') + #13#10 + #13#10 +
      '重新安装后即可继续使用；不再需要时可手动删除该文件夹。',
      mbInformation, MB_OK);
end;
