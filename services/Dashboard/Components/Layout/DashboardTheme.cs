using MudBlazor;

namespace Partnership.Dashboard.Components.Layout;

/// <summary>Colours chosen for at least 4.5:1 contrast against their text (GOV.UK palette for the RAG states).</summary>
public static class DashboardTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1d70b8",
            Secondary = "#4c2c92",
            Success = "#00703c",
            Warning = "#ffdd00",
            WarningContrastText = "#0b0c0c",
            Error = "#d4351c",
            TextPrimary = "#0b0c0c",
            TextSecondary = "#505a5f",
            AppbarBackground = "#0b0c0c",
        },
    };
}
