from django.contrib.auth import views as auth_views
from django.urls import path

from . import two_factor_views, views

urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("activate/<uidb64>/<token>/", views.activate, name="activate"),
    path("profile/", views.profile, name="profile"),
    path("data.json", views.data_export, name="data_export"),
    path("data.pdf", views.data_export_pdf, name="data_export_pdf"),
    path("delete/", views.account_delete_confirm, name="account_delete"),
    path("tokens/", views.token_new, name="token_new"),
    path("tokens/<int:pk>/delete/", views.token_delete, name="token_delete"),
    path("login/", two_factor_views.TwoStepLoginView.as_view(), name="login"),
    path("login/code/", two_factor_views.login_code, name="login_code"),
    path("two-factor/", two_factor_views.two_factor_enrol, name="two_factor_enrol"),
    path("two-factor/off/", two_factor_views.two_factor_off, name="two_factor_off"),
    path("two-factor/codes/", two_factor_views.recovery_codes_new, name="recovery_codes_new"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("password-change/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password-change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password-reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
