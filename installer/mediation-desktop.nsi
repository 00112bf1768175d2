; 调解工作台 (Mediation Desktop) installer: per-user, Simplified Chinese, no administrator rights.
;
; Build (after PyInstaller):  makensis /INPUTCHARSET UTF8 /DVERSION=0.1.0 ^
;     /DDIST_DIR=dist\mediation-desktop /DOUT_FILE=dist\mediation-desktop-0.1.0-setup.exe ^
;     installer\mediation-desktop.nsi
; installer/build.py passes these for you. The file is UTF-8 with a BOM so that makensis reads the
; Chinese text correctly even without /INPUTCHARSET.
;
; The user's data (cases, documents, backups, keys) lives in %LOCALAPPDATA%\MediationDesktop,
; outside the program folder. Neither installing over an old version nor uninstalling touches it.

Unicode true
Target amd64-unicode
SetCompressor /SOLID lzma
ManifestDPIAware true

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef DIST_DIR
  !define DIST_DIR "..\dist\mediation-desktop"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "mediation-desktop-${VERSION}-setup.exe"
!endif

!define APP_NAME "调解工作台"
!define APP_ID "MediationDesktop"
!define PUBLISHER "调解工作台"
; EXE_SUFFIX is empty only for build.py's Linux check that this script compiles (PyInstaller's
; Linux executables have no suffix); a real Windows build keeps the default.
!ifndef EXE_SUFFIX
  !define EXE_SUFFIX ".exe"
!endif
!define GUI_EXE "mediation-desktop${EXE_SUFFIX}"
!define CLI_EXE "mediation-desktop-cli${EXE_SUFFIX}"
!define UNINSTALL_EXE "uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; Where platformdirs puts the data folder for a per-user (non-roaming) app: paths.default_data_dir().
!define DATA_DIR "$LOCALAPPDATA\${APP_ID}"

Name "${APP_NAME}"
OutFile "${OUT_FILE}"
; Per-user install: no UAC prompt, works for staff accounts without administrator rights.
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "MIT License"

!if /FileExists "..\resources\icons\mediation-desktop.ico"
  !define MUI_ICON "..\resources\icons\mediation-desktop.ico"
  !define MUI_UNICON "..\resources\icons\mediation-desktop.ico"
!endif
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TEXT "本向导将在您的电脑上安装 ${APP_NAME} ${VERSION}。$\r$\n$\r$\n程序只为当前 Windows 用户安装，不需要管理员权限。$\r$\n$\r$\n案件数据保存在：$\r$\n${DATA_DIR}$\r$\n重新安装或升级不会改动这些数据。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "立即启动${APP_NAME}"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从您的电脑上删除 ${APP_NAME} 程序。$\r$\n您的案件数据（数据库、文书、附件、备份和密钥）不会被删除，仍保存在：${DATA_DIR}"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

Section "!${APP_NAME}（必需）" SecProgram
  SectionIn RO
  ; Files left by an older version would mix with the new ones: the program folder is ours alone,
  ; so clear what we put there before. The data folder is elsewhere and is never touched.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File "${DIST_DIR}\${GUI_EXE}"
  File "${DIST_DIR}\${CLI_EXE}"
  File /r "${DIST_DIR}\_internal"

  WriteUninstaller "$INSTDIR\${UNINSTALL_EXE}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALL_EXE}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALL_EXE}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "桌面快捷方式" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "程序文件和“开始”菜单快捷方式。命令行程序 ${CLI_EXE} 也装在程序文件夹中。"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "在桌面上放一个${APP_NAME}的快捷方式。"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  ; Remove only what the installer put here, file by file: if someone chose a shared folder as the
  ; install location, nothing else in it is lost. The data folder (${DATA_DIR}) is left alone.
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALL_EXE}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "案件数据未删除，仍保存在 ${DATA_DIR}。如确需删除，请先备份，再手动删除该文件夹。"
SectionEnd

Function un.onUninstSuccess
  ${IfNot} ${Silent}
    MessageBox MB_OK|MB_ICONINFORMATION "${APP_NAME} 已卸载。$\r$\n$\r$\n您的案件数据没有删除，仍保存在：$\r$\n${DATA_DIR}$\r$\n$\r$\n重新安装后可以继续使用。如确需删除，请先备份，再手动删除该文件夹。"
  ${EndIf}
FunctionEnd
